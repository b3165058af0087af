import { ean13Modules } from './ean13-bars';

const MODULE = 3;
const QUIET = 11;
const HEIGHT = 90;

/** A scannable EAN-13 drawn as SVG, for trying a scanner without a drug pack at hand. */
export function SampleBarcode({ code, label }: { code: string; label: string }) {
  const modules = ean13Modules(code);
  const width = (modules.length + QUIET * 2) * MODULE;
  return (
    <figure className="sample-barcode" data-testid="sample-barcode" data-code={code}>
      <svg
        width={width}
        height={HEIGHT + 8}
        viewBox={`0 0 ${width} ${HEIGHT + 8}`}
        role="img"
        aria-label={`示例条码 ${code}`}
      >
        <rect width={width} height={HEIGHT + 8} fill="#fff" />
        {[...modules].map((bit, i) =>
          bit === '1' ? (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: a bar is its position in the fixed pattern
              key={i}
              x={(QUIET + i) * MODULE}
              y={4}
              width={MODULE}
              height={HEIGHT}
              fill="#000"
            />
          ) : null,
        )}
      </svg>
      <figcaption>
        <span className="mono">{code}</span> · {label}
      </figcaption>
    </figure>
  );
}
