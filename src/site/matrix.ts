import type { ContentNode, ContentTree } from '../content/tree';

/** One row of the who-can-do-what table: a topic, and which profile answers it where. */
export interface TopicRow {
  topic: string;
  /** The first task met with this topic; its title names the row. */
  first: ContentNode;
  byProfile: Map<ContentNode, ContentNode>;
}

/** Derived from the tree, in reading order, so the table can never drift from the answers. */
export function topicRows(tree: ContentTree): TopicRow[] {
  const rows = new Map<string, TopicRow>();
  for (const task of tree.nodes) {
    if (task.kind !== 'task' || !task.topic || !task.profile) continue;
    const row = rows.get(task.topic) ?? { topic: task.topic, first: task, byProfile: new Map() };
    row.byProfile.set(task.profile, task);
    rows.set(task.topic, row);
  }
  return [...rows.values()];
}
