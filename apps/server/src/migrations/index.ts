// The ordered list of migrations. Each file is frozen once applied; add new ones at the end.

import type { Migration } from 'kysely';
import * as m20261123000000 from './20261123000000_create_platform.js';
import * as m20261123030000 from './20261123030000_create_work_calendars.js';
import * as m20261124000000 from './20261124000000_create_cases.js';
import * as m20261201000000 from './20261201000000_create_campaigns.js';
import * as m20261202000000 from './20261202000000_create_inspections.js';
import * as m20261203000000 from './20261203000000_create_canvass.js';
import * as m20261203010000 from './20261203010000_create_surveys.js';
import * as m20261204000000 from './20261204000000_create_volunteers.js';
import * as m20261205000000 from './20261205000000_index_confirmed_registrations.js';

export const migrations: Record<string, Migration> = {
  '20261123000000_create_platform': m20261123000000,
  '20261123030000_create_work_calendars': m20261123030000,
  '20261124000000_create_cases': m20261124000000,
  '20261201000000_create_campaigns': m20261201000000,
  '20261202000000_create_inspections': m20261202000000,
  '20261203000000_create_canvass': m20261203000000,
  '20261203010000_create_surveys': m20261203010000,
  '20261204000000_create_volunteers': m20261204000000,
  '20261205000000_index_confirmed_registrations': m20261205000000,
};
