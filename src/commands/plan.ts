import { answerPlan } from '../answers/listings.js';
import type { Command } from './types.js';

export const plan: Command = {
  definition: {
    name: 'plan',
    description: 'A plan at a glance and its points, page by page',
    primary: 'plan',
    options: [
      {
        name: 'plan',
        description: 'Which plan',
        type: 'string',
        required: true,
        choices: [
          { name: 'U.S. 28-point proposal (Nov 2025)', value: 'us-28' },
          { name: 'U.S.–Ukraine 20-point proposal (Dec 2025)', value: 'us-ua-20' },
          { name: 'European 6-point framework (Berlin, 15 Dec 2025)', value: 'eu-6' },
        ],
      },
      { name: 'page', description: 'Page of points', type: 'integer', minValue: 1, maxValue: 10 },
    ],
    lookup: true,
    usage: '/plan us-ua-20 — the 20-point proposal, point by point (also us-28, eu-6)',
  },
  run: (core, options) => answerPlan(core, options.plan as string | undefined, toPage(options.page)),
};

export function toPage(value: unknown): number | undefined {
  const page = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(page) ? page : undefined;
}
