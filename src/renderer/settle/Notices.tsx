/** Sentences the patient must hear before agreeing: self-paid parts and the center's warnings. */
export function Notices({ items, testId }: { items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="selfpay-notices" data-testid={testId}>
      {items.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
