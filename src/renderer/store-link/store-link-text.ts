import type { StoreLinkView } from '../../contract/types-store';

/**
 * What the top bar says of the counter's mode (issue 17): the words and their colour. Short, so
 * the top bar keeps one row at 1366 px; the chip's tooltip and every refusal say the rest.
 */
export function storeLinkChip(link: StoreLinkView | null, error: string | null) {
  if (error) return { color: 'error', text: `门店服务器状态未知：${error}` } as const;
  if (!link) return { color: 'default', text: '柜台模式：读取中…' } as const;
  if (link.mode === 'single') return { color: 'default', text: '单柜台模式' } as const;
  return link.reachable
    ? ({ color: 'success', text: `柜台 ${link.counterId} · 门店已连接` } as const)
    : ({
        color: 'error',
        text: `柜台 ${link.counterId} · 门店离线，暂停新追溯码`,
      } as const);
}

/** What a counter of a store still owes its store server, as top-bar tags (D42). */
export function storeOwedTags(link: StoreLinkView | null) {
  if (link?.mode !== 'counter') return [];
  const tags: Array<{ kind: 'unconfirmed' | 'clashes'; color: 'warning' | 'error'; text: string }> =
    [];
  if (link.owed.unconfirmedCodes > 0) {
    tags.push({
      kind: 'unconfirmed',
      color: 'warning',
      text: `离线售出 ${link.owed.unconfirmedCodes} 码待确认`,
    });
  }
  if (link.owed.clashes > 0) {
    tags.push({
      kind: 'clashes',
      color: 'error',
      text: `离线零售待核实 ${link.owed.clashes} 个`,
    });
  }
  return tags;
}
