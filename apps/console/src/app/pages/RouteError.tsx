import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useRouteError } from 'react-router-dom';
import { useT } from '../../i18n/useT';

const RELOADED_KEY = 'yidan.chunkReload';

/** A page chunk that no longer exists on the server: the console was redeployed since this tab loaded. */
function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(text);
}

/** Shown instead of a page that failed to render; after a redeploy it reloads once to get the new build. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useT();
  const stale = isStaleChunk(error);

  useEffect(() => {
    // At most one automatic reload a minute, so a chunk that is really missing cannot loop.
    const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
    if (!stale || Date.now() - last < 60_000) return;
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
    window.location.reload();
  }, [stale]);

  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={stale ? t('error.newVersion') : t('error.unknown')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            sessionStorage.removeItem(RELOADED_KEY);
            window.location.reload();
          }}
        >
          {t('common.reload')}
        </Button>
      }
    />
  );
}
