import { CenterError } from '../center/fsi-client';
import { AppError } from '../domain/errors';

/** Turns a transport or business failure of the center into the error the counter shows. */
export function centerFailure(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof CenterError) {
    switch (err.kind) {
      case 'timeout':
        return new AppError('CENTER_UNREACHABLE', `${what}失败：医保中心响应超时，请稍后重试`, {
          detail: err.message,
        });
      case 'http':
        if (err.status === 401 && err.message.includes('tif_timestamp')) {
          return new AppError(
            'CENTER_REJECTED',
            `${what}失败：本机时间与医保中心时间相差过大，请校准本机系统时间（或联系信息管理员检查时间同步）后重试`,
            { detail: err.message },
          );
        }
        return new AppError(
          'CENTER_UNREACHABLE',
          `${what}失败：无法连接医保中心，请检查医保专网后重试`,
          { detail: err.message },
        );
      case 'network':
        return new AppError(
          'CENTER_UNREACHABLE',
          `${what}失败：无法连接医保中心，请检查医保专网后重试`,
          {
            detail: err.message,
          },
        );
      case 'malformed':
        return new AppError(
          'CENTER_BAD_REPLY',
          `${what}失败：医保中心返回的数据无法识别，已拒绝使用`,
          {
            detail: err.message,
          },
        );
      case 'business':
        return new AppError('CENTER_REJECTED', `${what}失败：${err.message}`);
      default:
        return new AppError('CENTER_BAD_REPLY', `${what}失败：${err.message}`);
    }
  }
  return new AppError('INTERNAL', `${what}失败：系统内部错误`, { detail: String(err) });
}
