import { load } from 'js-yaml';
import { z } from 'zod';

/**
 * electron-builder's update feed: latest.yml (Windows), latest-linux.yml (Linux x64),
 * latest-linux-arm64.yml, published with the installers on the pharmacy's or chain's server.
 * Each file names the version, the installer files with their size and SHA-512 (base64), which
 * electron-updater checks after downloading (and on Windows the installer's code signature).
 */
export function feedFileName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  return arch === 'x64' ? `latest-${platform}.yml` : `latest-${platform}-${arch}.yml`;
}

const SHA512_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

const feedSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/),
  files: z
    .array(
      z.object({
        url: z.string().min(1),
        sha512: z.string().regex(SHA512_BASE64),
        size: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  releaseDate: z.union([z.string(), z.date()]).optional(),
});

export interface UpdateFeed {
  version: string;
  files: Array<{ url: string; sha512: string; size?: number }>;
  releaseDate?: string;
}

/** Parses a latest*.yml; a feed without a version or a file with its SHA-512 is refused. */
export function parseUpdateFeed(text: string): UpdateFeed {
  const parsed = feedSchema.safeParse(load(text));
  if (!parsed.success)
    throw new Error('更新源的 latest.yml 格式不正确（缺少版本或文件的 SHA-512）');
  const { releaseDate, ...rest } = parsed.data;
  return {
    ...rest,
    ...(releaseDate === undefined
      ? {}
      : { releaseDate: releaseDate instanceof Date ? releaseDate.toISOString() : releaseDate }),
  };
}

/** Reads the feed file of this platform from the configured feed URL. */
export async function fetchUpdateFeed(
  feedUrl: string,
  platform: NodeJS.Platform,
  arch: string,
): Promise<UpdateFeed> {
  const url = new URL(feedFileName(platform, arch), feedUrl);
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
  if (!res.ok) throw new Error(`更新源无法读取（HTTP ${res.status}）`);
  return parseUpdateFeed(await res.text());
}
