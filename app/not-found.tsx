import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">There is nothing at this address. It may have moved, or never existed.</p>
      <p>
        <Link href="/" className="underline">Back to the front page</Link>, where the chat can help you find it.
      </p>
    </div>
  );
}
