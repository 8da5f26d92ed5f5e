/**
 * The answers that list rather than look one fact up: a plan's points, the three plans, every change,
 * the timeline, a topic compared across plans, the sources, and what the bot is. Callers import them from
 * here; each lives in listings/.
 */
export { answerAbout, answerSources, maxSourceFacts } from './listings/about.js';
export { answerCompare } from './listings/compare.js';
export {
  answerChangesOverview,
  answerPlan,
  answerPlansOverview,
  pointsPerPage,
  resolvePlanId,
} from './listings/plans.js';
export { answerTimeline, eventsPerPage } from './listings/timeline.js';
