// The preset choices of the registration and check-in forms (members may also type their own):
// skills, available times and family relations, as message keys.
import type { MessageKey } from '../../../app/i18n/catalogues';

export const SKILLS: MessageKey[] = [
  'volunteers.skill.cleaning',
  'volunteers.skill.publicity',
  'volunteers.skill.medical',
  'volunteers.skill.legal',
  'volunteers.skill.repair',
  'volunteers.skill.tutoring',
  'volunteers.skill.elderly',
];

export const TIMES: MessageKey[] = [
  'volunteers.time.weekdayEvening',
  'volunteers.time.saturday',
  'volunteers.time.sunday',
  'volunteers.time.holiday',
];

export const RELATIONS: MessageKey[] = [
  'volunteers.relation.spouse',
  'volunteers.relation.child',
  'volunteers.relation.parent',
  'volunteers.relation.other',
];
