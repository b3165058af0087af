import { type FsiTransaction, inputData } from '../context';
import { downloadOutput, resolveDownload } from '../rx-access';

/** 7203 电子处方下载（结构化）: by epc_token or a single-use auth_rxno. */
export const rxDownload7203: FsiTransaction = {
  name: '电子处方下载',
  requiresSignIn: true,
  run(ctx) {
    const { row, token } = resolveDownload(ctx, inputData(ctx));
    return { output: downloadOutput(ctx, row, token) };
  },
};
