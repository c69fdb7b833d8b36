// The one permission list and the one role → permission map. Server routes declare a key from
// here; the web app hides menu entries the user lacks. Keys are `domain.action`.

export const PERMISSIONS = [
  'account.self', // own profile, password, language
  'org.region.read',
  'org.region.write',
  'org.unit.read',
  'org.unit.write',
  'org.person.read',
  'org.person.write',
  'org.pairing.read',
  'org.pairing.write',
  'org.group.read',
  'org.group.write',
  'user.read',
  'user.write',
  'security.policy.read',
  'security.policy.write',
  'security.user.unlock',
  'audit.read',
  'audit.export',
  'file.upload',
  'calendar.read',
  'calendar.write',
  'case.read', // cases in the actor's scope (own reports for reporters)
  'case.report', // file a case
  'case.manage', // office: check, register, dispatch, close, void, suspend, merge, extensions, notices
  'case.handle', // responsible unit: accept, return, handle, ask for an extension
  'case.verify', // inspector or office: verify a handled case or send it back for rework
  'case.export',
  'case.config', // categories, time limits, duplicate and escalation settings
  'notification.read',
  'sms.read', // the SMS outbox
  'campaign.read', // campaigns and ledger tasks in the actor's scope (a unit: its own tasks)
  'campaign.manage', // office: campaigns, activities, themes, tasks, events, reviewing reports
  'campaign.report', // responsible unit: report progress on its task instances
  'campaign.export', // the ledger as Excel
  'index.read', // the evaluation index (测评体系)
  'index.manage', // edit and import the index
  'site.read', // sites (点位) in the actor's scope (a unit: the sites it is responsible for)
  'site.manage', // register, edit and import sites
  'inspection.read', // rounds, results and rollups in scope (a unit: its sites' results)
  'inspection.manage', // checklists, planning rounds, assigning inspectors, closing rounds
  'inspection.perform', // carry out assigned inspections (the phone checklist)
  'material.submit', // a unit uploads evidence for 材料审核 standards
  'material.review', // the office accepts or returns material
  'canvass.read', // canvass drives, visits and opinions in scope (a unit: its own assignments and opinions)
  'canvass.manage', // office: drives, assignments, classifying, grouping, routing, the classifier
  'canvass.record', // record door-to-door visits (phone form, paper batch entry)
  'canvass.answer', // the unit an opinion is routed to: reply to it and record the delivery
  'canvass.phone', // see a resident's unmasked phone number (every view is audited)
  'survey.read', // questionnaires and their results in scope
  'survey.manage', // build, version, distribute, open and close questionnaires; export answers
  'volunteer.read', // registrations, activities, hours and the 五个一 tracker in scope
  'volunteer.join', // a member: register with a community, sign up, check in and out, report 五个一
  'volunteer.organise', // publish activities, assign members, confirm attendance and hours of one's own activities
  'volunteer.manage', // community / office: confirm registrations and 五个一 reports, rankings, commendations
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'city_admin',
  'region_staff',
  'unit_staff',
  'inspector',
  'member',
  'canvasser',
  'resident',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

const ORG_READ: Permission[] = [
  'org.region.read',
  'org.unit.read',
  'org.person.read',
  'org.pairing.read',
  'org.group.read',
];
const ORG_WRITE: Permission[] = [
  'org.region.write',
  'org.unit.write',
  'org.person.write',
  'org.pairing.write',
  'org.group.write',
];

const CASE_REPORTER: Permission[] = ['case.read', 'case.report', 'notification.read'];
const CASE_OFFICE: Permission[] = [...CASE_REPORTER, 'case.manage', 'case.verify', 'case.export'];
const CAMPAIGN_OFFICE: Permission[] = ['campaign.read', 'campaign.manage', 'campaign.export'];
const CANVASS_OFFICE: Permission[] = [
  'canvass.read',
  'canvass.manage',
  'canvass.record',
  'canvass.answer',
  'canvass.phone',
  'survey.read',
  'survey.manage',
];
const VOLUNTEER_OFFICE: Permission[] = ['volunteer.read', 'volunteer.organise', 'volunteer.manage'];
const INSPECTION_OFFICE: Permission[] = [
  'index.read',
  'site.read',
  'site.manage',
  'inspection.read',
  'inspection.manage',
  'inspection.perform',
  'material.review',
];

/**
 * Separation of duties (三员分立): the system admin runs accounts and configuration, the security
 * admin the security policy and lockouts, the audit admin only reads the audit log. None of the
 * three can do the others' work, and business roles cannot read the audit log.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: [
    'account.self',
    ...ORG_READ,
    ...ORG_WRITE,
    'file.upload',
    'calendar.read',
    'calendar.write',
    ...CASE_OFFICE,
    'case.config',
    'sms.read',
    ...CAMPAIGN_OFFICE,
    ...INSPECTION_OFFICE,
    'index.manage',
    ...CANVASS_OFFICE,
    ...VOLUNTEER_OFFICE,
  ],
  region_staff: [
    'account.self',
    ...ORG_READ,
    ...ORG_WRITE,
    'file.upload',
    'calendar.read',
    ...CASE_OFFICE,
    ...CAMPAIGN_OFFICE,
    ...INSPECTION_OFFICE,
    ...CANVASS_OFFICE,
    ...VOLUNTEER_OFFICE,
  ],
  unit_staff: [
    'account.self',
    ...ORG_READ,
    'org.person.write',
    'file.upload',
    'calendar.read',
    ...CASE_REPORTER,
    'case.handle',
    'case.export',
    'campaign.read',
    'campaign.report',
    'campaign.export',
    'index.read',
    'site.read',
    'inspection.read',
    'material.submit',
    'canvass.read',
    'canvass.record',
    'canvass.answer',
    'volunteer.read',
    'volunteer.organise',
  ],
  inspector: [
    'account.self',
    'org.region.read',
    'org.unit.read',
    'file.upload',
    ...CASE_REPORTER,
    'case.verify',
    'index.read',
    'site.read',
    'inspection.read',
    'inspection.perform',
  ],
  member: ['account.self', 'file.upload', ...CASE_REPORTER, 'volunteer.read', 'volunteer.join'],
  canvasser: ['account.self', 'org.region.read', 'file.upload', ...CASE_REPORTER, 'canvass.read', 'canvass.record'],
  resident: ['account.self', 'file.upload', ...CASE_REPORTER],
  system_admin: ['account.self', 'user.read', 'user.write', ...ORG_READ, 'security.policy.read', 'sms.read'],
  security_admin: [
    'account.self',
    'security.policy.read',
    'security.policy.write',
    'security.user.unlock',
    'user.read',
  ],
  audit_admin: ['account.self', 'audit.read', 'audit.export'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) set.add(p);
  return [...set].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
