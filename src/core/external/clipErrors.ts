/**
 * What the user reads when CLIP cannot be had: what happened, and what to do about it. The
 * library's own errors name internals (`env.allowRemoteModels`, a hub URL); these replace them.
 */
import type { AssetSource } from './types';

export const CLIP_NOT_BUNDLED = 'CLIP is not bundled: allow downloading it, or choose a local model folder.';

export class ClipUnavailableError extends Error {
  override name = 'ClipUnavailableError';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The error for a failed load from `source`, wrapping the library's. */
export function clipLoadError(err: unknown, source: AssetSource): ClipUnavailableError {
  if (err instanceof ClipUnavailableError) return err;
  const detail = describe(err);
  if (source.kind === 'remote') {
    const host = hostOf(source.baseUrl);
    const offline = typeof navigator !== 'undefined' && 'onLine' in navigator && navigator.onLine === false;
    const what = offline ? 'this browser is offline' : /fetch|network|ECONNREFUSED|ENOTFOUND|Failed to|Could not locate/i.test(detail) ? `${host} could not be reached or did not have the files` : 'the download failed';
    return new ClipUnavailableError(`Could not download CLIP: ${what} (${detail}). Check the connection and try again, or choose a local model folder.`, { cause: err });
  }
  if (source.kind === 'local') {
    return new ClipUnavailableError(`Could not load CLIP from the chosen folder (${detail}). Choose a folder with an ONNX CLIP export (config.json, preprocessor_config.json, tokenizer files and onnx/vision_model.onnx, onnx/text_model.onnx).`, { cause: err });
  }
  return new ClipUnavailableError(CLIP_NOT_BUNDLED, { cause: err });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
