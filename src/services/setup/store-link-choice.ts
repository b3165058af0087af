import { readFileSync } from 'node:fs';
import type { StoreLinkChoice, StoreLinkChoiceInput } from '../../contract/types-setup';
import { AppError } from '../../domain/errors';
import { createStoreClient, StoreRequestError } from '../../store-link/store-client';
import { SANDBOX_CONFIG_FILE } from '../config';
import { parseStoreLink, writeStoreMode } from '../store-mode';
import { recordMsgidSlot } from '../store-msgid-slot';

/** The sandbox pharmacy's institution code (a demo counter's store uses it). */
export function sandboxInstitution(file = SANDBOX_CONFIG_FILE): string {
  const s = JSON.parse(readFileSync(file, 'utf8')) as { pharmacy: { fixmedinsCode: string } };
  return s.pharmacy.fixmedinsCode;
}

/**
 * The wizard's 单柜台 / 门店柜台 choice (issue 17): a counter of a store is recorded only once
 * its store server answered store.status for this institution and counter (a wrong secret, an
 * unknown counter or another pharmacy's server is named), then kept in the data folder with
 * the msgid slot the store server gave it (D51).
 */
export async function chooseStoreLink(
  dataDir: string,
  institution: string,
  input: StoreLinkChoiceInput,
): Promise<StoreLinkChoice> {
  if (input.mode === 'single') {
    writeStoreMode(dataDir, { mode: 'single' });
    return { mode: 'single', message: '单柜台模式：本机数据库，不连接门店服务器' };
  }
  let link: ReturnType<typeof parseStoreLink>;
  try {
    link = parseStoreLink(input);
  } catch (e) {
    throw new AppError('VALIDATION', (e as Error).message);
  }
  if (link.mode !== 'counter') throw new AppError('VALIDATION', '门店模式配置有误');
  const client = createStoreClient({ ...link, institution, attempts: 1 });
  let msgidSlot: number;
  try {
    const status = await client.call('store.status', {});
    msgidSlot = status.msgidSlot;
    if (status.institution !== institution || status.counterId !== link.counterId) {
      throw new AppError(
        'VALIDATION',
        `门店服务器属于机构 ${status.institution}（柜台 ${status.counterId}），不是本药店 ${institution} 的柜台 ${link.counterId}`,
      );
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why =
      e instanceof StoreRequestError && e.body.code === 'MSGID_SLOTS_FULL'
        ? e.message
        : e instanceof StoreRequestError
          ? `门店服务器拒绝了本柜台（${e.message}）：请核对柜台号与柜台密钥，以及门店服务器登记的机构编码`
          : `${(e as Error).message}：请核对门店服务器地址，并确认门店服务器已启动`;
    throw new AppError('CONFLICT', `门店服务器连接测试未通过。${why}`);
  }
  recordMsgidSlot(dataDir, { institution, counterId: link.counterId, slot: msgidSlot });
  writeStoreMode(dataDir, link);
  return {
    mode: 'counter',
    counterId: link.counterId,
    message: `门店模式：柜台 ${link.counterId}，门店服务器连接测试通过（机构 ${institution}）`,
  };
}
