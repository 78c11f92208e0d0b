import { OkrError } from './errors.js';
import type { Session } from './journal.js';
import type { Actor, Alignment, SessionDetails, SessionHeader } from './model.js';
import { within } from './sessions.js';

/**
 * Rules between sessions and between objectives, which a command checks against more
 * than its own session's state: a parent must exist and contain its children's dates; an
 * alignment points at an objective the actor can see, in the session or its parent, and
 * never round in a circle.
 */

/** What the rules may look up beyond the session a command acts on. */
export interface RelatedSessions {
  /** Every session header (deleted ones included). */
  headers(): Promise<readonly SessionHeader[]>;
  /** Another session as `actor` may see it; undefined when missing, deleted or not shared with them. */
  visible(id: string, actor: Actor): Promise<Session | undefined>;
}

export function invalid(field: string, message: string): OkrError {
  return new OkrError('invalid-input', message, { fields: { [field]: message } });
}

/** A parent must exist, contain the child's dates, and not be the child or one of its descendants. */
export async function checkParent(
  related: RelatedSessions,
  details: SessionDetails,
  childId: string | undefined,
): Promise<void> {
  const headers = await related.headers();
  const byId = new Map(headers.filter((h) => !h.deleted).map((h) => [h.id, h]));
  if (details.parentId !== undefined) {
    const parent = byId.get(details.parentId);
    if (!parent) {
      throw new OkrError('invalid-input', `Session not saved: there is no parent session ${details.parentId}.`, {
        fields: { parentId: `There is no session ${details.parentId}.` },
      });
    }
    for (let p: SessionHeader | undefined = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (p.id === childId) {
        throw new OkrError('invalid-input', 'Session not saved: a session cannot be inside itself.', {
          fields: { parentId: `${details.parentId} is this session or lies inside it.` },
        });
      }
    }
    if (!within(parent, details.start, details.end)) {
      throw new OkrError(
        'invalid-input',
        `Session not saved: its dates must lie within ${parent.title} (${parent.start} – ${parent.end}).`,
        { fields: { parentId: `${parent.title} runs ${parent.start} – ${parent.end}; the dates must lie within it.` } },
      );
    }
  }
  if (childId !== undefined) {
    const outside = headers.filter((h) => !h.deleted && h.parentId === childId && !within(details, h.start, h.end));
    if (outside.length > 0) {
      const why = 'Child sessions would fall outside these dates.';
      throw new OkrError(
        'invalid-input',
        `Session not saved: child sessions would fall outside its dates (${outside.map((c) => c.title).join(', ')}).`,
        { fields: { start: why, end: why } },
      );
    }
  }
}

/** A session with child sessions cannot be deleted. */
export async function checkNoChildren(related: RelatedSessions, session: Session): Promise<void> {
  const children = (await related.headers()).filter((s) => s.parentId === session.id && !s.deleted);
  if (children.length > 0) {
    throw new OkrError(
      'conflict',
      `Session ${session.id} has child sessions (${children.map((c) => c.id).join(', ')}); delete or move them first.`,
    );
  }
}

/**
 * An objective aligns to one in the same session or in the parent session, never to itself
 * or its descendants. An objective in a session the actor may not see reads as missing:
 * the answer must not tell what a hidden session holds.
 */
export async function checkAlignment(
  related: RelatedSessions,
  actor: Actor,
  session: Session,
  id: string,
  to: Alignment,
): Promise<void> {
  if (to.sessionId === session.id) {
    for (
      let o = session.objectives.get(to.objectiveId);
      o;
      o = o.alignedTo?.sessionId === session.id ? session.objectives.get(o.alignedTo.objectiveId) : undefined
    ) {
      if (o.id === id)
        throw invalid('alignedTo', 'An objective cannot align to itself or to an objective aligned to it.');
    }
    if (!session.objectives.has(to.objectiveId))
      throw invalid('alignedTo', `There is no objective ${to.objectiveId} in this session.`);
    return;
  }
  if (to.sessionId !== session.parentId)
    throw invalid('alignedTo', 'Align to an objective of this session or of its parent session.');
  const parent = await related.visible(to.sessionId, actor);
  if (!parent?.objectives.has(to.objectiveId))
    throw invalid('alignedTo', `There is no objective ${to.objectiveId} in the parent session.`);
}
