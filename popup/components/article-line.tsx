/** "<title> — <outlet>, <date>", the title a link when the article's address is known. */
import type { ArticleView } from '../../src/extension/analysis.js';
import { formatDate, safeHref } from '../format.js';

export function ArticleLine({ article }: { article: ArticleView }) {
  const href = safeHref(article.url);
  const date = formatDate(article.published);
  const where = [article.outlet, date].filter((part): part is string => part !== null && part !== '').join(', ');
  return (
    <span class="article-line">
      {href === null ? (
        <cite class="article-title">{article.title || article.id}</cite>
      ) : (
        <a class="article-title" href={href} target="_blank" rel="noopener noreferrer">
          {article.title || article.id}
        </a>
      )}
      {where !== '' && <span class="article-where"> — {where}</span>}
    </span>
  );
}
