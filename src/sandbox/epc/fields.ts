import { isObject } from '../http-util';
import { Refusal } from '../refusal';
import { EPC_CODES } from './codes';

/** Reading camelCase business fields; problems are collected and refused together. */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly where = '') {}

  text(node: Record<string, unknown>, name: string): string {
    const v = node[name];
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return '';
  }

  required(node: Record<string, unknown>, name: string, label: string): string {
    const v = this.text(node, name);
    if (v === '') this.problems.push(`${this.where}${label}（${name}）不能为空`);
    return v;
  }

  object(node: Record<string, unknown>, name: string, label: string): Record<string, unknown> {
    const v = node[name];
    if (!isObject(v)) {
      this.problems.push(`${label}（${name}）应为 JSON 对象`);
      return {};
    }
    return v;
  }

  list(node: Record<string, unknown>, name: string, label: string): Record<string, unknown>[] {
    const v = node[name];
    if (!Array.isArray(v) || v.length === 0 || !v.every(isObject)) {
      this.problems.push(`${label}（${name}）应为非空的对象数组`);
      return [];
    }
    return v;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws a validation refusal listing every problem, if there is any. */
  done(): void {
    if (this.problems.length > 0)
      throw new Refusal(`入参校验失败：${this.problems.join('；')}`, EPC_CODES.validation);
  }
}
