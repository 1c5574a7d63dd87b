// Types for markup.js, which stays plain JS because the bench page loads it as it is.
export type Tree = string | [string, Record<string, string>, ...Tree[]];

export interface Post {
  id: number;
  code: string;
  author: string;
  words: string[];
  mentions: string[];
  comments: { author: string; text: string }[];
  likes: number;
}

export function memberHandle(index: number): string;
export function outsiderHandle(index: number): string;
export function facebookMemberHandle(index: number): string;
export function facebookOutsiderHandle(index: number): string;
export const PAGE_MEMBERS: number;
export function random(seed: number): () => number;
export function makePosts(count: number, seed?: number): Post[];
export function isMember(handle: string): boolean;
export function postTree(post: Post): Tree;
export function toDom(tree: Tree, doc: Document): Node;
export function toHtml(tree: Tree): string;
export function postReferences(post: Post): {
  author: string[];
  mention: string[];
  comment: string[];
};
