import type { Actor } from '@okrkit/core';

/** The sample company: a dozen people in four teams. Ids are what the host would use. */
export const PEOPLE: Readonly<Record<string, string>> = {
  'u-ada': 'Ada Okafor',
  'u-ben': 'Ben Hartmann',
  'u-chen': 'Chen Wei',
  'u-dana': 'Dana Kowalski',
  'u-eli': 'Eli Navarro',
  'u-fatima': 'Fatima Rahman',
  'u-gus': 'Gus Lindqvist',
  'u-hana': 'Hana Sato',
  'u-ivan': 'Ivan Petrov',
  'u-jo': 'Jo Mbeki',
  'u-kim': 'Kim Laurent',
  'u-lea': 'Léa Moreau',
  'u-vic': 'Vic Osei',
};

export const TEAMS: Readonly<Record<string, readonly string[]>> = {
  leadership: ['u-ada', 'u-ben'],
  sales: ['u-chen', 'u-dana', 'u-eli'],
  product: ['u-fatima', 'u-gus', 'u-kim'],
  engineering: ['u-hana', 'u-ivan', 'u-jo'],
  success: ['u-lea', 'u-vic'],
};

/** The teams' display names, for the access editor. */
export const TEAM_NAMES: Readonly<Record<string, string>> = {
  leadership: 'Leadership',
  sales: 'Sales',
  product: 'Product',
  engineering: 'Engineering',
  success: 'Customer success',
};

export interface Persona {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly actor: Actor;
}

export const PERSONAS: readonly Persona[] = [
  {
    key: 'admin',
    label: 'Ada Okafor — admin',
    description: 'Manages sessions: creates them, starts, closes and reopens them, and can change everything.',
    actor: { id: 'u-ada', role: 'admin', name: 'Ada Okafor', teams: ['leadership'] },
  },
  {
    key: 'member',
    label: 'Kim Laurent — member',
    description: 'Owns a few key results: can plan OKRs while a session is open and check in on her own key results.',
    actor: { id: 'u-kim', role: 'member', name: 'Kim Laurent', teams: ['product'] },
  },
  {
    key: 'viewer',
    label: 'Vic Osei — viewer',
    description: 'Reads everything, changes nothing.',
    actor: { id: 'u-vic', role: 'viewer', name: 'Vic Osei', teams: ['success'] },
  },
];
