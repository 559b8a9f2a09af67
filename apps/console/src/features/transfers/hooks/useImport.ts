import { useMutation } from '@tanstack/react-query';
import type { ImportMapping } from '@yidan/contracts';
import { previewImport, startImport } from '../api/transfersApi';
import type { ImportOptions } from '../types/transferTypes';

/** 导入预览: the header, first rows and auto-matched mapping of a chosen file. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: ImportOptions }) => previewImport(file, options),
  });
}

/** Uploads the file again with the mapping and queues the import; resolves to the job id. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({
      file,
      options,
      mapping,
    }: {
      file: File;
      options: ImportOptions;
      mapping: ImportMapping;
    }) => startImport(file, options, mapping),
  });
}
