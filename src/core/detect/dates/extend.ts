// Spans read the way a researcher quotes them: with the preposition that carries the
// time relation ("In March", "since 2019", "on Friday", "by the end of June").
import type { Mention } from './expression';

const PART_OF =
  /(?:\b(?:by|at|before|until|till|toward|towards|around|from|since|in|through)[^\S\r\n]+)?(?:\bthe[^\S\r\n]+)?\b(?:very[^\S\r\n]+)?(?:end|start|beginning|middle|close|turn|rest|remainder|week|(?:first|second)[^\S\r\n]+half|(?:first|last)[^\S\r\n]+(?:week|weeks|days))[^\S\r\n]+of[^\S\r\n]+$/i;
const PREPOSITION = /\b(?:in|on|by|since|from|until|till|through|throughout|during|over|within|as[^\S\r\n]+of|starting)[^\S\r\n]+$/i;
const STARTS_WITH_PREPOSITION =
  /^(?:in|on|by|since|from|until|till|through|throughout|during|over|within|between|at|before|toward|towards|around|for|into)\b/i;

export function extendMentions(text: string, mentions: readonly Mention[]): Mention[] {
  let limit = 0;
  const out: Mention[] = [];
  for (const m of mentions) {
    let start = m.start;
    const lookback = () => text.slice(Math.max(limit, start - 40), start);
    if (m.expr.type !== 'vague' && m.expr.type !== 'period') {
      const part = PART_OF.exec(lookback());
      if (part) start -= part[0].length;
    }
    if (!STARTS_WITH_PREPOSITION.test(text.slice(start, start + 12))) {
      const prep = PREPOSITION.exec(lookback());
      if (prep) start -= prep[0].length;
    }
    out.push(start === m.start ? m : { ...m, start });
    limit = m.end;
  }
  return out;
}
