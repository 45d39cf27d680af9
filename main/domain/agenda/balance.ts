/**
 * The balance of expert input: for each topic, the speaking time each perspective got, so the
 * organisers can show the assembly heard every side. A slot's time is shared equally among its
 * speakers; a speaker without a perspective counts under "no perspective". Breaks, votes and
 * small-group deliberation have no speakers in this sense and are left out.
 */
import type { SlotKind } from '../../../preload/vocabulary';
import type { TopicBalance } from './types';

export interface BalanceSlot {
  topic: string;
  kind: SlotKind;
  startTime: string;
  endTime: string;
  speakerIds: string[];
}

const SPEAKING_KINDS: ReadonlySet<SlotKind> = new Set(['talk', 'qa', 'panel', 'hearing']);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function topicBalance(
  slots: readonly BalanceSlot[],
  perspectiveOf: (speakerId: string) => string | null,
  perspectiveName: (perspectiveId: string | null) => string,
): TopicBalance[] {
  const byTopic = new Map<string, Map<string | null, number>>();
  for (const slot of slots) {
    if (!SPEAKING_KINDS.has(slot.kind) || slot.speakerIds.length === 0 || slot.topic.trim() === '') continue;
    const share = (minutes(slot.endTime) - minutes(slot.startTime)) / slot.speakerIds.length;
    const topic = slot.topic.trim();
    const perTopic = byTopic.get(topic) ?? new Map<string | null, number>();
    for (const speaker of slot.speakerIds) {
      const p = perspectiveOf(speaker);
      perTopic.set(p, (perTopic.get(p) ?? 0) + share);
    }
    byTopic.set(topic, perTopic);
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, perTopic]) => {
      const perspectives = [...perTopic.entries()]
        .map(([perspectiveId, m]) => ({ perspectiveId, name: perspectiveName(perspectiveId), minutes: Math.round(m * 10) / 10 }))
        .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
      const known = perspectives.filter((p) => p.perspectiveId !== null);
      return {
        topic,
        perspectives,
        totalMinutes: Math.round(perspectives.reduce((s, p) => s + p.minutes, 0) * 10) / 10,
        // One side heard: every speaker with a perspective shares the same one.
        oneSided: known.length === 1,
      };
    });
}
