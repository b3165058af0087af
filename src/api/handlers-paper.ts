import type { paperContract } from '../contract/contract-paper';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createPaperHandlers(s: AppServices): HandlersFor<typeof paperContract> {
  const { paper } = s;
  return {
    'paper.check': (i) => paper.check(i),
    'paper.capture': (i, ctx) => {
      const { imageBase64, ...fields } = i;
      return paper.capture(must(ctx).staff, fields, imageBase64);
    },
    'paper.confirm': (i, ctx) => paper.confirm(must(ctx).staff, i.id),
    'paper.reject': (i, ctx) => paper.reject(must(ctx).staff, i.id, i.reason),
    'paper.get': (i) => paper.get(i.id),
    'paper.image': (i) => paper.image(i.id),
    'paper.search': (i) => paper.search(i),
    'paper.export': (i, ctx) => paper.export(must(ctx).staff, i),
    'paper.storeIndex': (i) => paper.storeIndex(i),
    'paper.drugs': () => paper.drugs(),
    'paper.scanFolder': () => paper.scanFolder.current(),
    'paper.setScanFolder': (i, ctx) => paper.scanFolder.set(must(ctx).staff, i.folder),
    'paper.scanList': () => paper.scanFolder.list(),
    'paper.scanRead': (i) => paper.scanFolder.read(i.name),
  };
}
