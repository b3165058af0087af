import type { StoreLinkView } from '../../contract/types-store';

/** What the top bar says of the counter's mode (issue 17): the words and their colour. */
export function storeLinkChip(link: StoreLinkView | null, error: string | null) {
  if (error) return { color: 'error', text: `门店服务器状态未知：${error}` } as const;
  if (!link) return { color: 'default', text: '柜台模式：读取中…' } as const;
  if (link.mode === 'single') return { color: 'default', text: '单柜台模式' } as const;
  return link.reachable
    ? ({ color: 'success', text: `门店柜台 ${link.counterId} · 门店服务器已连接` } as const)
    : ({
        color: 'error',
        text: `门店柜台 ${link.counterId} · 门店服务器无法连接，暂不能接受新的追溯码`,
      } as const);
}
