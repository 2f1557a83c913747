/** A document date as "16 February 2023", in UTC so build and browser agree. */
export function FormattedDate({ iso }: { iso: string }) {
  const date = new Date(iso);
  const label = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return <time dateTime={date.toISOString()}>{label}</time>;
}
