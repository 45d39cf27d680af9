/**
 * Keeping a block (a heading) with what follows it, in pdfmake's one layout pass.
 *
 * pdfmake's own way, a `pageBreakBefore` callback, runs the whole layout again after every page
 * break it inserts: the recommendations PDF (some 50 item headings) was laid out 13 times and took
 * over a second. Here the block is laid out once, unbreakable, together with an empty spacer of
 * `room` pt under it: when block and spacer do not fit on the page, pdfmake moves them whole to the
 * next page. An empty stack with a negative top margin then takes the spacer's height back, so
 * what follows starts right under the block. A heading thus never stands alone at a page foot
 * without the room its first lines need, and no layout is repeated.
 *
 * An empty stack has no height of its own (an empty text would have one line's), so its margin is
 * the exact height. `room` must stay well below a page: an unbreakable block taller than a page
 * would lose what does not fit on it.
 */
import type { Content } from 'pdfmake/interfaces';

/** The largest room asked for: more than half an A4 page would only waste paper. */
const MAX_ROOM = 400;

/**
 * `block` followed by at least `room` pt of free space on its page, else moved to the next page.
 * `outer` (pageBreak, for instance) goes on the wrapper: a page break inside an unbreakable block
 * would break it.
 */
export function keepWithRoom(block: Content, room: number, outer: Record<string, unknown> = {}): Content {
  const r = Math.min(MAX_ROOM, Math.max(0, Math.round(room)));
  if (r === 0) return { stack: [block], ...outer } as Content;
  return {
    stack: [
      { stack: [block, { stack: [], margin: [0, r, 0, 0] }], unbreakable: true },
      { stack: [], margin: [0, -r, 0, 0] },
    ],
    ...outer,
  } as Content;
}
