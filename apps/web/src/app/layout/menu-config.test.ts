import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@cc/common/permissions';
import { MENU_ENTRIES, MENU_GROUPS, menuEntryAt, visibleMenuEntries } from './menu-config';

describe('side menu', () => {
  it('puts the campaigns group first, with only entries the role may open', () => {
    expect(MENU_GROUPS[0]).toBe('campaigns');
    const office = visibleMenuEntries(permissionsOf(['city_admin'])).map((e) => e.key);
    expect(office).toEqual(expect.arrayContaining(['campaigns', 'campaign-overdue']));
    expect(office).not.toContain('campaign-my-tasks');
    const unit = visibleMenuEntries(permissionsOf(['unit_staff'])).map((e) => e.key);
    expect(unit).toEqual(expect.arrayContaining(['campaigns', 'campaign-my-tasks']));
    expect(unit).not.toContain('campaign-overdue');
    // The first entry is where a user lands after signing in.
    expect(unit[0]).toBe('campaign-my-tasks');
    expect(office[0]).toBe('campaigns');
  });

  it('puts the inspections group after the campaigns, with the entries each role may open', () => {
    expect(MENU_GROUPS.indexOf('inspections')).toBe(MENU_GROUPS.indexOf('campaigns') + 1);
    const office = visibleMenuEntries(permissionsOf(['city_admin'])).map((e) => e.key);
    expect(office).toEqual(
      expect.arrayContaining([
        'inspection-rounds',
        'sites',
        'site-types',
        'checklists',
        'evaluation-index',
        'materials-review',
      ]),
    );
    expect(office).not.toContain('materials-submit');
    const unit = visibleMenuEntries(permissionsOf(['unit_staff'])).map((e) => e.key);
    expect(unit).toEqual(expect.arrayContaining(['inspection-rounds', 'sites', 'materials-submit']));
    expect(unit).not.toContain('materials-review');
    const inspector = visibleMenuEntries(permissionsOf(['inspector'])).map((e) => e.key);
    expect(inspector).toEqual(expect.arrayContaining(['inspection-rounds', 'sites', 'checklists']));
    expect(inspector).not.toContain('materials-review');
    expect(inspector).not.toContain('materials-submit');
  });

  it('puts the volunteers group after canvassing, for the roles that organise or manage', () => {
    expect(MENU_GROUPS.indexOf('volunteers')).toBe(MENU_GROUPS.indexOf('canvass') + 1);
    const office = visibleMenuEntries(permissionsOf(['city_admin'])).map((e) => e.key);
    expect(office).toEqual(
      expect.arrayContaining([
        'volunteer-registrations',
        'volunteer-activities',
        'volunteer-reports',
        'volunteer-compliance',
        'volunteer-rankings',
        'volunteer-commendations',
      ]),
    );
    const unit = visibleMenuEntries(permissionsOf(['unit_staff'])).map((e) => e.key);
    expect(unit).toContain('volunteer-activities');
    expect(unit).not.toContain('volunteer-registrations');
    expect(unit).not.toContain('volunteer-rankings');
    const member = visibleMenuEntries(permissionsOf(['member'])).map((e) => e.key);
    expect(member.filter((k) => k.startsWith('volunteer-'))).toEqual([]);
  });

  it('selects the most specific entry of a page', () => {
    expect(menuEntryAt(MENU_ENTRIES, '/campaigns')?.key).toBe('campaigns');
    expect(menuEntryAt(MENU_ENTRIES, '/campaigns/12/ledger')?.key).toBe('campaigns');
    expect(menuEntryAt(MENU_ENTRIES, '/campaigns/my-tasks')?.key).toBe('campaign-my-tasks');
    expect(menuEntryAt(MENU_ENTRIES, '/campaigns/overdue')?.key).toBe('campaign-overdue');
    expect(menuEntryAt(MENU_ENTRIES, '/cases/inbox')?.key).toBe('case-inbox');
    expect(menuEntryAt(MENU_ENTRIES, '/cases/123')?.key).toBe('cases');
    expect(menuEntryAt(MENU_ENTRIES, '/inspection-rounds/3/results')?.key).toBe('inspection-rounds');
    expect(menuEntryAt(MENU_ENTRIES, '/checklists/bus_stop')?.key).toBe('checklists');
    expect(menuEntryAt(MENU_ENTRIES, '/nowhere')).toBeUndefined();
  });
});
