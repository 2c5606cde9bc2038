import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_HUB_URL } from '../core/external/clipModel';
import { relativeModelFiles } from '../core/external/modelFolder';
import { currentModelSource, modelSourceStore, setDownloadConsent, setModelFolder } from './modelSource';

function file(path: string, text = 'x'): File {
  const f = new File([text], path.split('/').pop()!);
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
}

afterEach(() => modelSourceStore.setState({ consent: false, folder: null }));

describe('where CLIP may come from', () => {
  it('is nowhere by default: no consent, no folder (the bundled source, which CLIP is not)', () => {
    expect(currentModelSource()).toEqual({ kind: 'bundled' });
  });

  it('is the hub only after consent', () => {
    setDownloadConsent(true);
    expect(currentModelSource()).toEqual({ kind: 'remote', baseUrl: CLIP_HUB_URL });
    setDownloadConsent(false);
    expect(currentModelSource().kind).toBe('bundled');
  });

  it('prefers a chosen folder to a download, keeps its relative paths, and forgets it on request', () => {
    setDownloadConsent(true);
    setModelFolder([file('clip/config.json'), file('clip/onnx/vision_model.onnx')]);
    const source = currentModelSource();
    expect(source.kind).toBe('local');
    if (source.kind !== 'local') return;
    expect([...source.files.keys()]).toEqual(['clip/config.json', 'clip/onnx/vision_model.onnx']);
    // The folder's own name is dropped where the model's files are looked up.
    expect([...relativeModelFiles(source.files).keys()]).toEqual(['config.json', 'onnx/vision_model.onnx']);
    expect(modelSourceStore.getState().folder?.name).toBe('clip');
    setModelFolder([]);
    expect(currentModelSource().kind).toBe('remote');
  });
});

describe('a model folder’s precision', () => {
  it('prefers the 8-bit files (as the download), else full precision, else none', async () => {
    const { folderDtype } = await import('../core/external/modelFolder');
    const blob = new Blob(['x']);
    const both = new Map([['onnx/vision_model.onnx', blob], ['onnx/text_model.onnx', blob], ['onnx/vision_model_quantized.onnx', blob], ['onnx/text_model_quantized.onnx', blob]]);
    expect(folderDtype(both)).toBe('q8');
    both.delete('onnx/text_model_quantized.onnx');
    expect(folderDtype(both)).toBe('fp32');
    both.delete('onnx/text_model.onnx');
    expect(folderDtype(both)).toBeNull();
  });
});
