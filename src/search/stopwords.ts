/**
 * Words that carry no meaning for finding a fact: function words, question words and the verbs people
 * wrap questions in ("what does the plan *say* about…"). They neither match facts nor count against
 * a query when the fact base has never seen them.
 */
const stopwords = new Set(
  `a an the of in on at to for from by with about into over under between among against during after before
  and or but nor so yet if then than as also too very just only even still already again
  is are was were be been being am do does did done doing have has had having will would shall should can
  could may might must need needs let lets
  i me my we our you your he him his she her it its they them their this that these those there here
  what whats which who whom whose when where why how hows
  any some all each every both either neither no not other such same own more most much many few
  tell show explain give say says said saying mean means meant think know get gets got make makes made
  keep kept want wants wanted allowed allow allows go goes going come comes please thanks thank
  exactly really actually currently now today yet ever
  big small large long short high low last first next new old latest recent current
  start starts started end ends happen happens happened happening plan plans thing things way ways
  like look looks see seen use used part parts point points kind sort lot lots bit
  getting got give gives given giving put puts take takes taken taking become becomes became
  style type types sort sorts thing something anything everything nothing someone anyone
  mention mentions mentioned include includes included including contain contains contained cover covers
  covered address addresses addressed involve involves involved regarding concerning according
  compare compared comparison versus vs difference differences differ different similar same
  propose proposes proposed proposal proposals suggest suggests suggested offer offers offered
  really basically generally overall main key major important exactly precisely specifically
  true false right wrong correct incorrect possible likely maybe perhaps probably
  happen happens happening stand stands status situation
  require requires required requiring hold holds held holding lead leads led leading
  one ones position positions stance stances view views opinion opinions
  s t d ll re ve`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(word: string): boolean {
  return stopwords.has(word);
}
