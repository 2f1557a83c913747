import { ChatPanel } from "@/components/chat-panel";
import { HomeSection } from "@/components/home-section";
import { PostList } from "@/components/post-list";
import { ProjectList } from "@/components/project-list";
import { getPosts, getProjects } from "@/lib/content/collections";
import { site, suggestedQuestions } from "@/lib/site";

/** How many posts and projects the front page shows. */
const LATEST_COUNT = { posts: 3, projects: 4 };

export default function HomePage() {
  const posts = getPosts().slice(0, LATEST_COUNT.posts);
  const projects = getProjects().slice(0, LATEST_COUNT.projects);
  return (
    <div className="space-y-12">
      <section aria-labelledby="intro-title" className="space-y-3">
        <h1 id="intro-title" className="text-3xl font-bold tracking-tight">
          {site.name}
        </h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{site.description}</p>
      </section>

      <section id="chat" aria-labelledby="chat-title" data-chat-slot className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="chat-title" className="text-xl font-semibold">Ask about my work</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The chat answers from my posts, projects and resume, with links to the sections it used.</p>
        <ChatPanel suggestedQuestions={suggestedQuestions} author={site.author} />
      </section>

      <HomeSection id="latest-posts" title="Latest posts" moreHref="/blog" moreLabel="All posts">
        <PostList posts={posts} />
      </HomeSection>

      <HomeSection id="recent-projects" title="Recent projects" moreHref="/projects" moreLabel="All projects">
        <ProjectList projects={projects} />
      </HomeSection>
    </div>
  );
}
