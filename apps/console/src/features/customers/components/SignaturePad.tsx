import { ClearOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { fileUrl, uploadFile } from '../../tickets/api/filesApi';

const WIDTH = 400;
const HEIGHT = 160;

interface Props {
  /** The fileId of the uploaded signature image. */
  value?: string;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  testId?: string;
}

/** 签名: draw with finger or mouse; 确认签名 uploads the PNG (POST /files) and keeps its fileId. */
export function SignaturePad({ value, onChange, disabled, testId }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const showError = useApiError();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signing, setSigning] = useState(!value);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!value) setSigning(true);
  }, [value]);

  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#1f1f1f';
    }
    return ctx;
  };
  // The canvas is scaled by CSS on narrow screens; strokes go where the pointer is.
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) * WIDTH) / rect.width,
      y: ((e.clientY - rect.top) * HEIGHT) / rect.height,
    };
  };

  const clear = () => {
    context()?.clearRect(0, 0, WIDTH, HEIGHT);
    setDirty(false);
  };

  const confirm = () => {
    canvas.current?.toBlob(async (blob) => {
      if (!blob) return;
      setSaving(true);
      try {
        const file = await uploadFile(new File([blob], 'signature.png', { type: 'image/png' }));
        onChange?.(file.fileId);
        setSigning(false);
        setDirty(false);
      } catch (e) {
        showError(e);
      } finally {
        setSaving(false);
      }
    }, 'image/png');
  };

  if (value && !signing) {
    return (
      <Flex gap={8} align="end" wrap data-testid={testId}>
        <Image
          src={fileUrl(value)}
          alt={t('fieldInput.signature')}
          width={200}
          style={{
            border: `1px solid ${token.colorBorder}`,
            borderRadius: token.borderRadius,
            background: '#fff',
          }}
        />
        {!disabled && (
          <Button icon={<EditOutlined />} onClick={() => setSigning(true)}>
            {t('fieldInput.signAgain')}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={8} style={{ maxWidth: WIDTH }} data-testid={testId}>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        aria-label={t('fieldInput.signHere')}
        style={{
          width: '100%',
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadius,
          background: disabled ? token.colorBgContainerDisabled : '#fff',
          touchAction: 'none',
          cursor: disabled ? 'not-allowed' : 'crosshair',
        }}
        onPointerDown={(e) => {
          if (disabled) return;
          const ctx = context();
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const { x, y } = point(e);
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = context();
          const { x, y } = point(e);
          ctx?.lineTo(x, y);
          ctx?.stroke();
          setDirty(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fieldInput.signHere')}
        </Typography.Text>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          {value && (
            <Button size="small" onClick={() => setSigning(false)}>
              {t('common.cancel')}
            </Button>
          )}
          <Button size="small" icon={<ClearOutlined />} onClick={clear} disabled={disabled || !dirty}>
            {t('fieldInput.clear')}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={confirm}
            loading={saving}
            disabled={disabled || !dirty}
          >
            {t('fieldInput.confirmSignature')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
