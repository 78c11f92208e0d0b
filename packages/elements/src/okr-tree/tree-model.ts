import {
  type KeyResult,
  keyResultProgress,
  keyResultsOf,
  type Objective,
  objectiveProgress,
  objectivesOf,
  type Session,
} from '@okrkit/core';

/** Where a session sits relative to the one the tree is about. */
export type SessionRole = 'parent' | 'this' | 'child';
const ROLE_ORDER: Readonly<Record<SessionRole, number>> = { parent: 0, this: 1, child: 2 };

/** A key result in the cascade, a leaf under its objective. */
export interface TreeKeyResult {
  /** `sessionId/keyResultId`: unique across the sessions shown. */
  readonly key: string;
  readonly keyResult: KeyResult;
  /** 0..1, the key result's progress. */
  readonly progress: number;
}

/** One objective in the cascade, with its key results and the objectives aligned to it. */
export interface TreeNode {
  /** `sessionId/objectiveId`: unique across the sessions shown. */
  readonly key: string;
  readonly session: Session;
  readonly role: SessionRole;
  readonly objective: Objective;
  /** 0..1, the objective's progress. */
  readonly progress: number;
  /** The objective's key results, in their order: shown before the aligned objectives. */
  readonly keyResults: readonly TreeKeyResult[];
  readonly children: TreeNode[];
}

/** The cascade of objectives: each aligned to its parent objective, across the sessions given. */
export function buildTree(sessions: readonly { session: Session; role: SessionRole }[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const { session, role } of sessions) {
    for (const objective of objectivesOf(session)) {
      const key = `${session.id}/${objective.id}`;
      const krs = keyResultsOf(session, objective.id);
      const progress = objectiveProgress(krs).clamped;
      const keyResults = krs.map((kr) => ({
        key: `${session.id}/${kr.id}`,
        keyResult: kr,
        progress: keyResultProgress(kr).clamped,
      }));
      nodes.set(key, { key, session, role, objective, progress, keyResults, children: [] });
    }
  }
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const to = node.objective.alignedTo;
    const parent = to ? nodes.get(`${to.sessionId}/${to.objectiveId}`) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byPlace = (a: TreeNode, b: TreeNode) =>
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    a.session.number - b.session.number ||
    a.objective.order - b.objective.order;
  const sort = (list: TreeNode[]) => {
    list.sort(byPlace);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** A visible row of the tree, in document order, with what the tree pattern needs to announce it. */
export type TreeRow =
  | {
      readonly kind: 'objective';
      readonly key: string;
      readonly node: TreeNode;
      readonly level: number;
      readonly parentKey: string | undefined;
    }
  | {
      readonly kind: 'keyResult';
      readonly key: string;
      readonly item: TreeKeyResult;
      /** The objective the key result belongs to. */
      readonly node: TreeNode;
      readonly level: number;
      readonly parentKey: string;
    };

/** Whether a node has anything to expand: key results or aligned objectives. */
export function hasChildren(node: TreeNode): boolean {
  return node.keyResults.length > 0 || node.children.length > 0;
}

/** The rows a person sees, with the collapsed nodes' descendants left out. */
export function visibleRows(roots: readonly TreeNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, parentKey: string | undefined) => {
    for (const node of nodes) {
      rows.push({ kind: 'objective', key: node.key, node, level, parentKey });
      if (!hasChildren(node) || collapsed.has(node.key)) continue;
      for (const item of node.keyResults) {
        rows.push({ kind: 'keyResult', key: item.key, item, node, level: level + 1, parentKey: node.key });
      }
      walk(node.children, level + 1, node.key);
    }
  };
  walk(roots, 1, undefined);
  return rows;
}

/** The title a row shows (and type-ahead matches). */
export function rowTitle(row: TreeRow): string {
  return row.kind === 'objective' ? row.node.objective.title : row.item.keyResult.title;
}
