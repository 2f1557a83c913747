import { FormattedDate } from "./formatted-date";
import { TagList } from "./tag-list";

/** The title block of a post, project or resume page. */
export function DocumentHeader({ title, date, tags = [], lead, dateLabel }: { title: string; date?: string; tags?: string[]; lead?: string; dateLabel?: string }) {
  return (
    <header className="space-y-2">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {date ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {dateLabel ? `${dateLabel} ` : null}
          <FormattedDate iso={date} />
        </p>
      ) : null}
      {lead ? <p className="text-lg text-zinc-700 dark:text-zinc-300">{lead}</p> : null}
      <TagList tags={tags} />
    </header>
  );
}
