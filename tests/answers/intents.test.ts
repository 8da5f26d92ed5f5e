import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { loadCore, type Core } from '../../src/core.js';

/** /ask answers follow what the question asks for; the first line answers it. */
let core: Core;
beforeAll(() => {
  core = loadCore();
});
const ask = (question: string) => lookupAnswer(core, 'ask', question);
const firstLine = (question: string) => ask(question).text.split('\n')[0]!;

describe('/ask by intent', () => {
  it('when: the event with its human date first', () => {
    const answer = ask('when did yermak resign?');
    expect(answer.status).toBe('found');
    expect(firstLine('when did yermak resign?')).toMatch(/\*\*\d{1,2} [A-Z][a-z]{2} 20\d\d\*\*/);
    expect(answer.text).not.toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('when: a plan named alone gets its own date', () => {
    const plan = core.kb.plans.get('eu-6')!;
    const answer = ask('wen was the berlin statement');
    expect(answer.factIds[0]).toBe('eu-6');
    expect(answer.text).toContain(plan.name);
  });

  it('figure: the figure with its unit in the first sentence', () => {
    expect(firstLine('how many troops can Ukraine keep?')).toMatch(/600,000|800,000/);
    expect(firstLine('28pt army cap?')).toMatch(/600,000/);
  });

  it('compare: the plans side by side', () => {
    const answer = ask('28pt vs 20pt army size');
    expect(answer.status).toBe('found');
    expect(answer.text).toContain('600,000');
    expect(answer.text).toContain('800,000');
    expect(answer.title).toContain('vs');
  });

  it('what-changed with no topic: every change between the drafts', () => {
    const answer = ask('diff between 28 and 20 point plan');
    expect(answer.status).toBe('found');
    expect(answer.title.toLowerCase()).toContain('changed');
  });

  it("party-position: that party's positions first, attributed", () => {
    const answer = ask('what does russia want on the troop cap');
    expect(answer.status).toBe('found');
    expect(firstLine('what does russia want on the troop cap')).toMatch(/^\*\*Russia:\*\*/);
  });

  it('party-position with no topic: the party across the open issues, not the thread carrying its name', () => {
    for (const question of ['what does russia want', 'wat does ukraine want rn']) {
      const answer = ask(question);
      expect(answer.status).toBe('found');
      expect(answer.title).toMatch(/positions on the open issues/);
      expect(answer.sections.length).toBeGreaterThan(3);
    }
  });

  it('status: the latest known state and what no source shows', () => {
    for (const question of ['is the war over', 'any deal yet?']) {
      const answer = ask(question);
      expect(answer.status).toBe('found');
      expect(answer.text.split('\n')[0]).toContain(core.kb.meta.asOfNote);
    }
  });

  it("figure: the figures lead once, not again as the view's own first line", () => {
    const lines = ask('how many troops can ukraine keep?')
      .text.split('\n')
      .map((line) => line.trim().replace(/\.$/, ''));
    expect(lines[0]).toMatch(/600,000/);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('status: reliably reported events first; later headline-only items after them, marked unverified', () => {
    const answer = ask('is the war over');
    const events = new Map(core.kb.events.map((e) => [e.id, e]));
    const shown = answer.factIds.map((id) => events.get(id)!);
    const firstWeak = shown.findIndex((e) => e.status === 'unverified');
    expect(firstWeak).toBeGreaterThan(0);
    expect(shown.slice(firstWeak).every((e) => e.status === 'unverified')).toBe(true);
    const last = answer.sections.at(-1)!;
    expect(last.heading).toMatch(/headlines/);
    expect(last.text.split('\n').every((line) => line.includes('unverified'))).toBe(true);
  });

  it('who: the person named, in any script or spelling', () => {
    expect(ask('who is umierow').factIds[0]).toBe('rustem-umerov');
    expect(ask('кто такой Дмитриев').factIds[0]).toBe('kirill-dmitriev');
  });

  it('who sat in a delegation, with a date: the dated round that names them, not "not recorded"', () => {
    // the best match is a body (the security working group), which has members on every side
    for (const [question, member] of [
      ['who was in the ukrainian delegation, abu dhabi, jan 2026', 'Umerov'],
      ["who was in russia's delegation at abu dhabi jan 2026", 'Kostyukov'],
    ]) {
      const answer = ask(question!);
      expect(answer.status, question).toBe('found');
      expect(answer.text).toContain(member);
    }
  });

  it('who did something: the event that records it, not the card of a person named in it', () => {
    const answer = ask('who met witkoff and kushner in geneva');
    expect(core.index.entry(answer.factIds[0]!)?.kind).not.toBe('actor');
  });

  it('when, about a topic: the event its words fit, with the date first', () => {
    expect(firstLine('when did trump n putin meet in alaska')).toMatch(/Aug 2025/);
  });

  it('when: the month of a deadline is not when it was set', () => {
    // "by June" is in the words; the event that set it is dated before June
    expect(firstLine('when did the americans say they want a deal by june')).toMatch(/Feb 2026/);
  });

  it('when: "meeting", "summit" and "talks" name one kind of event, so the place decides', () => {
    // the Paris event is titled a "meeting", the Berlin and Geneva ones "talks", Anchorage a "summit"
    expect(firstLine('what date were the talks in paris')).toMatch(/Jan 2026/);
    expect(firstLine('berlin summit date?')).toMatch(/Dec 2025/);
    expect(firstLine('when was the anchorage meeting')).toMatch(/Aug 2025/);
    expect(firstLine('when did they meet in geneva in november')).toMatch(/Nov 2025/);
  });

  it("a party's reaction to a plan: where the plan stands", () => {
    expect(firstLine('kremlin response to the 20 point plan')).toMatch(/^\*\*20-point plan:\*\*/);
  });

  it('plan-overview: the plan with its point count', () => {
    const answer = ask('overview of the european berlin framework pls');
    expect(answer.text.split('\n')[0]).toMatch(/\b6 points\b/);
  });

  it('plan-overview: every point named at a glance, not only the first page', () => {
    const glance = ask('summarize trumps plan').sections[0]!;
    expect(glance.heading).toBe('All 28 points at a glance');
    expect(glance.text).toMatch(/26\. Full amnesty/);
    expect(glance.citations.length).toBeGreaterThan(0);
  });

  it('one informal word does not sink a clear question', () => {
    for (const question of [
      'what r the security guarantees',
      'wat happened in geneva',
      'is ukraine staying non nuclear under the 20pt',
      'max ukrainian troops allowed under the 20 point plan',
      'что россия хочет для русского языка',
      // Ukrainian, Russian and transliterated, with the filler words of each
      'что говорит план из 20 пунктов про пленных и детей',
      'коли подав у відставку Єрмак',
      'kto takoy Umerov',
      'skilky viisk mozhe maty ukraina za planom z 20 punktiv',
    ]) {
      expect(ask(question).status).toBe('found');
    }
  });
});

describe('/ask party-position dated by the position itself', () => {
  it("a party's position on a topic that gives the month asked about answers, not an event of that month", () => {
    expect(firstLine('what was the US stance on the nuclear plant in february 2026')).toMatch(
      /^\*\*United States:\*\*.*management/,
    );
  });
});

describe('/ask about a person or a day the fact base records', () => {
  it('a person named with a word or two about them gets their card', () => {
    expect(ask('dmitriev job 2026').factIds[0]).toBe('kirill-dmitriev');
    // …but not when the words say the question is about something else
    expect(ask('what is dmitriev net worth').status).toBe('not_found');
  });

  it('a usually off-topic word does not refuse a question about an event of the day it names', () => {
    const answer = ask('death toll kyiv strike 24 may 2026');
    expect(answer.factIds[0]).toBe('ev-2026-05-24-kyiv-strikes-and-warning');
    expect(ask('who won the football match on 24 may 2026').status).toBe('not_found');
  });

  it('a figure asked of a day comes from the event of that day', () => {
    const answer = ask('how many died in the strikes on kyiv on 24 may 2026');
    expect(answer.factIds[0]).toBe('ev-2026-05-24-kyiv-strikes-and-warning');
    expect(answer.text.split('\n')[0]).toMatch(/dead/);
  });

  it('"how many prisoners" asks for people, though the question names Victory Day', () => {
    const answer = ask('victory day truce may 2026 how many POWs per side');
    expect(answer.text.split('\n')[0]).toMatch(/1,000/);
  });

  it('a count asked of a month comes from an event of that month that counts that very thing', () => {
    const answer = ask('how many points did moscow say the american document had in december');
    expect(answer.factIds[0]).toBe('ev-2025-12-02-witkoff-putin-moscow');
    expect(answer.text.split('\n')[0]).toMatch(/27-point/);
  });

  it('who, dated: the event of the day or month the question names, not a person named in it', () => {
    const onTheDay = ask('who went with witkoff to see putin on 22 jan');
    expect(core.kb.events.find((e) => e.id === onTheDay.factIds[0])?.date).toBe('2026-01-22');
    const inTheMonth = ask('who led the russian team at abu dhabi talks in jan 2026');
    expect(core.kb.events.find((e) => e.id === inTheMonth.factIds[0])?.date.slice(0, 7)).toBe('2026-01');
    // a month that is a deadline dates nothing
    expect(ask('who wanted a deal by june').factIds[0]).not.toMatch(/^ev-20\d\d-06/);
  });
});

describe('answerability: refused with the reason, nearest facts suggested', () => {
  it.each([
    ['how old is zelensky', /does not cover/],
    ['weather in kyiv tmrw?', /does not cover/],
    ['20 point plan point 25', /has no point 25/],
    ['was a gas transit deal signed in january 2027', /knows nothing after/],
    ['what does the eu say about amnesty for war crimes', /Not known/],
    ['full text of the us-ukraine bilateral security guarantee', /Not known/],
  ])('%s', (question, reason) => {
    const answer = ask(question);
    expect(answer.status).toBe('not_found');
    expect(answer.text).toMatch(reason);
  });

  it('a point that exists is shown', () => {
    expect(ask('20 point plan point 12').factIds[0]).toBe('us-ua-20-12');
  });
});

describe('/ask: responses, the present, a plan status word', () => {
  it('a reaction to something is the later of the events that fit alike', () => {
    const answer = ask("when did putin react to zelensky's letter");
    expect(answer.factIds[0]).toBe('ev-2026-06-05-putin-calls-letter-rude');
  });

  it('"now" with a role prefers the person whose role has not ended', () => {
    const answer = ask("who runs zelensky's presidential office now");
    expect(answer.title).toBe('Kyrylo Budanov');
  });

  it('a named plan with a status word gets the plan and its status', () => {
    expect(firstLine('is the 20-point plan final?')).toMatch(/^\*\*20-point plan:\*\* Draft/);
  });
});

describe('/ask party-position: a dated statement the words fit clearly', () => {
  it('answers with the event rather than the standing positions on a topic', () => {
    const answer = ask('did putin accept ukraine proposal to stop long-range strikes');
    expect(answer.factIds[0]).toBe('ev-2026-06-28-putin-strike-halt-proposal');
  });

  it('keeps the party stance when a topic is named and no date is asked', () => {
    expect(ask('did zelensky agree to give up donbas').factIds[0]).not.toMatch(/^ev-/);
  });
});

describe('/ask about an outcome or a response', () => {
  it('follows the event asked about with the later events on its thread', () => {
    const answer = ask('did the 1000 for 1000 prisoner swap actually happen');
    expect(answer.factIds[0]).toBe('ev-2026-05-08-trump-announces-three-day-ceasefire');
    expect(answer.sections[0]?.heading).toMatch(/^What followed: /);
  });
});

describe('/ask about one occasion of a thread, named by its alias', () => {
  it.each(['what did the berlin summit produce', 'what came out of the berlin talks'])('%s', (question) => {
    const answer = ask(question);
    expect(answer.factIds[0]).toBe('ev-2025-12-14-berlin-talks-statement');
    expect(answer.text).toMatch(/^\*\*14–15 Dec 2025\*\*/);
  });

  it("an alias without a place, or the thread's own name, names no occasion", () => {
    expect(ask('peace council membership fee').factIds[0]).not.toMatch(/^ev-/);
  });

  it('an alias several events share names no single one', () => {
    expect(ask('outcome of the abu dhabi talks').factIds[0]).not.toMatch(/^ev-/);
  });
});

describe('/ask: a fact named outright before one that only shares its words', () => {
  it('the letter named, not the reaction to it, when they fit alike', () => {
    const answer = ask('zelensky open letter to putin june 2026 what did he propose');
    expect(answer.factIds[0]).toBe('ev-2026-06-04-zelensky-open-letter');
  });
});

describe("/ask: a plan's point on the topic named, unless another of its points fits clearly better", () => {
  it('the monitoring point for how the contact line is monitored', () => {
    expect(ask("How would the contact line be monitored under Zelensky's 20-point plan?").factIds[0]).toBe(
      'us-ua-20-2',
    );
  });

  it('one word alone does not overrule the topic', () => {
    expect(ask("20pt 'stand where we stand' which oblasts tho").factIds[0]).toBe('us-ua-20-14');
  });
});

describe('/ask compare: two topics named', () => {
  it('sets out the second after the first', () => {
    const answer = ask('frozen assets / reconstruction money 28 vs 20 point plan');
    const text = answer.sections.map((s) => `${s.heading} ${s.text}`).join('\n');
    expect(text).toMatch(/\$100bn/);
    expect(text).toMatch(/\$800bn|800 billion/);
    expect(answer.sections.some((s) => s.heading.startsWith('Reconstruction'))).toBe(true);
  });
});

describe("/ask party-position: a party's conditions are its position", () => {
  it("russia's ceasefire conditions now: Russia's stance first, then its latest statement", () => {
    const answer = ask("what are russia's ceasefire conditions rn");
    expect(answer.text).toMatch(/^\*\*Russia:\*\*/);
    expect(answer.sections[0]!.heading).toMatch(/^Latest: /);
  });
});

describe('/ask party-position: a plan point the words fit clearly', () => {
  it("answers with the point rather than the party's standing positions", () => {
    const answer = ask("zelensky's list says russia leaves kharkiv and sumy too?? which other oblasts");
    expect(answer.factIds[0]).toBe('us-ua-20-14a');
  });
});

describe('/ask what-changed: how one draft became the other', () => {
  it('how it came about leads the list of changes', () => {
    const answer = ask('how did the 28 point plan turn into 20 points');
    expect(answer.sections[0]!.text).toMatch(/Geneva/);
    expect(answer.sections[0]!.text).toMatch(/Umerov/);
    expect(answer.sections.length).toBeGreaterThan(5);
  });

  it('"what changed" alone is the list, with nothing put first', () => {
    expect(ask('what changed from 28 to 20 points').sections[0]!.heading).toMatch(/^(Removed|Amended|Added)/);
  });
});

describe("/ask: one draft's clause asked of the other draft", () => {
  it('answers with what became of it (the recorded change)', () => {
    const answer = ask('missile at moscow clause in 20pt?');
    expect(answer.text).toMatch(/^\*\*Amended \(28 → 20 points\):\*\* The clause voiding the guarantee/);
    expect(answer.text).toMatch(/Russian territory/);
  });
});

describe('/ask who: negotiating a plan is authoring it', () => {
  it('"who negotiated it" beside a plan names its negotiators', () => {
    expect(firstLine('20 point plan overview who negotiated it')).toMatch(/Witkoff.*Umerov/);
  });
});

describe('/ask figure: a plan named', () => {
  it("answers with the plan's own point, not a background note filed under it", () => {
    expect(ask("how big can ukraine's army be under the berlin statement").factIds[0]).toBe('eu-6-1');
    expect(ask('how many days would ukraine have to hold elections in the 28pt draft').factIds[0]).toBe(
      'us-28-25',
    );
  });
});

describe('/ask figure: a count of points', () => {
  it('"reported as 19 points" is a figure, though a question\'s "19 points" names a draft', () => {
    expect(firstLine('how many points did the geneva draft have')).toMatch(/19 points/);
  });
});

describe('/ask: a person named beside a plan', () => {
  it("a person the question names, best matched, is the answer, not one of the plan's points", () => {
    expect(ask('which ukrainian mp posted the 28 points on telegram (goncharenko?)').factIds[0]).toBe(
      'oleksiy-honcharenko',
    );
  });
});

describe('/ask party-position about the present', () => {
  it('puts the latest event on the topic in which the party speaks first', () => {
    const answer = ask('what does russia want on the ceasefire now');
    expect(answer.sections[0]?.heading).toMatch(/^Latest: /);
    expect(ask('what does russia want on the ceasefire').sections[0]?.heading).not.toMatch(/^Latest: /);
  });
});
