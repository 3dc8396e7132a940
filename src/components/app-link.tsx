import type { MouseEvent, ReactNode } from 'react';

interface Props {
  to: URLSearchParams;
  navigate: (next: URLSearchParams) => void;
  children: ReactNode;
  current?: boolean;
  className?: string;
}

/** Links inside the app change the URL without reloading; a modified click still opens a tab. */
export function AppLink({ to, navigate, children, current, className }: Props) {
  const query = to.toString();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a
      className={className}
      href={query ? `?${query}` : window.location.pathname}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}
