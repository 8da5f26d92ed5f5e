import type { PartyId } from '../../knowledge/schema.js';
import { humanDateRange } from '../../text/dates.js';
import type { Answer } from '../types.js';
import { ambiguousAt } from '../../search/index.js';
import { baseAnswer, statusMark, withSectionsFirst } from '../common.js';
import { resolveCitations } from '../citations.js';
import { readDates } from '../factcheck/figures.js';
import { factView, issueView } from '../views.js';
import { leadWith, topicOf, type IntentAnswer } from './shared.js';

/** How many issues a party's overview lists. */
const issuesShown = 8;

/**
 * "What does Russia want on NATO?": that party's positions on the topic, attributed, first; the whole issue
 * follows. Without a topic ("what does russia want"): the party's positions issue by issue.
 */
export const positionAnswer: IntentAnswer = (asked) => {
  const { core, query } = asked;
  const party = partyOf(asked);
  if (!party) return undefined;
  const name = core.kb.actors.get(party)?.name ?? party;
  // "Did Russia accept the 20-point plan?": a party and a plan, nothing else — where the plan stands.
  const plan = query.plans.length === 1 ? core.kb.plans.get(query.plans[0]!) : undefined;
  if (plan && query.content.every((w) => isPartyWord(asked, w))) {
    return leadWith(factView(core, plan.id)!, `**${plan.shortName}:** ${plan.planStatus}`);
  }
  // "What did Putin say talks should be based on in June 2026?": a dated statement the words fit clearly
  // better than anything else is the answer, not the party's standing positions on a topic.
  // …unless the party's own position on the topic named is the one dated so ("US position on ZNPP in Feb 2026")
  const statement = datedPositionOf(asked, party) ? undefined : clearlyBestFact(asked);
  if (statement) return factView(core, statement);
  const hasPositions = (topic: string) =>
    core.kb.issuesByTopic.get(topic)?.positions.some((p) => p.party === party) ?? false;
  // Only the party named ("what does russia want"): a topic counts only when named outright, since a search
  // for the party's name alone finds whatever thread carries it in its title ("Frozen Russian assets").
  const onlyParty = query.content.every((w) => isPartyWord(asked, w));
  const topicId = onlyParty
    ? (query.topics.find(hasPositions) ?? query.topics[0])
    : (topicOf(asked, hasPositions) ?? topicOf(asked));
  const issue = topicId ? core.kb.issuesByTopic.get(topicId) : undefined;
  if (issue) {
    const positions = issue.positions.filter((p) => p.party === party);
    const view = issueView(core, issue);
    if (positions.length === 0) return view;
    const said = positions
      .map((p) => `${p.summary}${p.attributedTo ? ` (per ${p.attributedTo})` : ''}${statusMark(p)}`)
      .join(' ');
    const answer = leadWith(view, `**${name}:** ${said}`);
    return query.present ? withLatestStatement(asked, answer, party, issue.topic) : answer;
  }
  if (topicId || query.content.some((w) => !isPartyWord(asked, w))) return undefined;
  const issues = [...core.kb.issues.values()]
    .map((i) => ({ issue: i, positions: i.positions.filter((p) => p.party === party) }))
    .filter((x) => x.positions.length > 0)
    .slice(0, issuesShown);
  if (issues.length === 0) return undefined;
  return baseAnswer(core, {
    status: 'found',
    title: `${name}: positions on the open issues`,
    text: `${name}'s recorded positions, issue by issue (${issues.length} of the unresolved issues). Each is attributed and cited.`,
    sections: issues.map(({ issue: i, positions }) => ({
      heading: i.title,
      text: positions
        .map((p) => `• ${p.summary}${p.attributedTo ? ` — *per ${p.attributedTo}*` : ''}${statusMark(p)}`)
        .join('\n'),
      citations: resolveCitations(
        core,
        positions.flatMap((p) => p.citations),
      ),
    })),
    factIds: issues.flatMap(({ issue: i, positions }) => [i.id, ...positions.map((p) => p.id)]),
  });
};

/** The party asked about: named outright, or the side of the person named. */
function partyOf({ core, query }: Parameters<IntentAnswer>[0]): PartyId | undefined {
  if (query.parties.length > 0) return query.parties[0];
  for (const id of query.people) {
    const side = core.kb.actors.get(id)?.side;
    if (side && side !== 'other') return side;
  }
  return undefined;
}

function isPartyWord({ core, query }: Parameters<IntentAnswer>[0], word: string): boolean {
  const ids = [...query.parties, ...query.people];
  return ids.some((id) => {
    const actor = core.kb.actors.get(id);
    return actor !== undefined && [actor.name, ...actor.aliases].some((n) => n.toLowerCase().includes(word));
  });
}

/** The party has a position on a topic the question names that gives the month (and year) it asks about. */
function datedPositionOf({ core, query }: Parameters<IntentAnswer>[0], party: PartyId): boolean {
  const asked = query.dates.filter((d) => d.month !== undefined && !d.deadline);
  if (asked.length === 0) return false;
  return query.topics.some((topic) =>
    (core.kb.issuesByTopic.get(topic)?.positions ?? [])
      .filter((p) => p.party === party)
      .some((p) =>
        readDates(p.summary).some((d) =>
          asked.some((a) => a.month === d.month && (a.year === undefined || d.year === a.year)),
        ),
      ),
  );
}

/**
 * The best hit, when it is a dated event, or a plan's point ("zelensky's list says russia leaves kharkiv and
 * sumy too"), clearly ahead of the next.
 */
function clearlyBestFact({ core, query, result }: Parameters<IntentAnswer>[0]): string | undefined {
  const [first, second] = result.hits;
  if (!first || (first.kind !== 'event' && first.kind !== 'provision')) return undefined;
  // With a topic named outright the party's stance on it answers, unless the question dates a statement
  // on that topic ("what did Putin say about the talks in June 2026").
  const topics = core.index.entry(first.id)?.topics ?? [];
  const dated = query.dates.some((d) => d.month !== undefined && !d.deadline);
  if (query.topics.length > 0 && !(dated && query.topics.some((t) => topics.includes(t)))) return undefined;
  if (first.confidence < ambiguousAt) return undefined;
  return !second || second.confidence < first.confidence * 0.85 ? first.id : undefined;
}

/**
 * "What are Russia's ceasefire conditions rn?": the standing positions, and first the latest dated event on
 * the topic in which the party or one of its people speaks.
 */
function withLatestStatement(
  { core }: Parameters<IntentAnswer>[0],
  answer: Answer,
  party: PartyId,
  topic: string,
): Answer {
  const names = [...core.kb.actors.values()]
    .filter((actor) => actor.id === party || actor.side === party)
    .flatMap((actor) => [actor.name, ...actor.aliases])
    .filter((n) => n.length >= 4)
    .map((n) => n.toLowerCase());
  const latest = [...core.kb.events]
    .reverse()
    .find(
      (e) =>
        !e.background && e.topics.includes(topic) && names.some((n) => e.summary.toLowerCase().includes(n)),
    );
  if (!latest || answer.factIds.includes(latest.id)) return answer;
  return withSectionsFirst(
    answer,
    [
      {
        heading: `Latest: ${humanDateRange(latest.date, latest.endDate)}`,
        text: `**${latest.title}.** ${latest.summary}${statusMark(latest)}`,
        citations: resolveCitations(core, latest.citations),
      },
    ],
    [latest.id],
  );
}
