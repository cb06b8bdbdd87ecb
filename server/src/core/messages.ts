// Every user-facing sentence of the core, in Chinese (the default) and English.

export type Locale = 'zh' | 'en';

/** `zh-cn`, `zh-TW`, `zh` → zh; anything else that is given → en; nothing → zh. */
export function localeOf(tag: string | undefined | null): Locale {
  if (!tag) return 'zh';
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const range = (a: number, b: number) => `${a}–${b}`;

const zh = {
  noSource: (prefix: string) => `没有前缀为“${prefix}”的政策文件`,
  noTable: (table: number, tables: number[]) =>
    `任务清单中没有表${table}：清单共有表${tables[0]}–表${tables[tables.length - 1]}`,
  noTask: (ref: string, table: number, count: number, nearest: string) =>
    `${ref}不存在：表${table}共有第${range(1, count)}项。是否要引用${nearest}？`,
  backwards: (table: number, from: number, to: number) => `范围“表${table}第${from}至${to}项”是倒序的：应写作第${to}至${from}项`,
  pastEnd: (table: number, from: number, to: number, count: number) =>
    `范围“表${table}第${from}至${to}项”超出了表${table}：表${table}共有第${range(1, count)}项`,
  replaceWith: (text: string) => `改为 ${text}`,
  tooLarge: (kb: number, limit: number) => `文件大小 ${kb} KB 超过上限 ${limit} KB（policyLens.maxFileSizeKB），Policy Lens 未检查此文件`,
  taskLabel: '试点任务',
  table: '表',
  category: '类别',
  domain: '领域',
  openSource: '在原文中打开',
  bodyWording: '正文表述',
  sourceTask: (ref: string) => `原文 ${ref}`,
};

export type Messages = typeof zh;

const en: Messages = {
  noSource: (prefix) => `no policy document has the prefix "${prefix}"`,
  noTable: (table, tables) => `the task list has no 表${table}: it has 表${tables[0]}–表${tables[tables.length - 1]}`,
  noTask: (ref, table, count, nearest) => `${ref} does not exist: 表${table} has tasks ${range(1, count)}. Did you mean ${nearest}?`,
  backwards: (table, from, to) => `the range "表${table}第${from}至${to}项" runs backwards: write 第${to}至${from}项`,
  pastEnd: (table, from, to, count) => `the range "表${table}第${from}至${to}项" runs past the end of 表${table}: 表${table} has tasks ${range(1, count)}`,
  replaceWith: (text) => `Change to ${text}`,
  tooLarge: (kb, limit) => `This file is ${kb} KB, above the ${limit} KB limit (policyLens.maxFileSizeKB): Policy Lens did not check it`,
  taskLabel: 'Task',
  table: 'Table',
  category: 'Category',
  domain: 'Domain',
  openSource: 'Open in the source',
  bodyWording: 'Wording in the body',
  sourceTask: (ref) => `Source ${ref}`,
};

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : zh;
}
