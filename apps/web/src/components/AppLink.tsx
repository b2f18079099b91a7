import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** Props of {@link AppLink}. */
export interface AppLinkProps extends AnchorProps {
  to: string;
  children: ReactNode;
  'aria-label'?: string;
}

/** A Mantine-styled link that navigates inside the app (react-router). */
export function AppLink({ to, children, ...rest }: AppLinkProps) {
  return (
    <Anchor component={Link} to={to} {...rest}>
      {children}
    </Anchor>
  );
}
