import { ActionIcon, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

/** The search box of the public header (a link to the search page on small screens). */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <>
      <form
        role="search"
        aria-label={t('search.headerLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          const q = text.trim();
          navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
          setText('');
        }}
      >
        {/* a text box (not role searchbox) inside the search landmark, so a page's own search box stays the page's only searchbox */}
        <TextInput
          type="text"
          inputMode="search"
          enterKeyHint="search"
          size="xs"
          w={220}
          visibleFrom="md"
          aria-label={t('search.headerLabel')}
          placeholder={t('search.headerPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      </form>
      <ActionIcon component={Link} to="/search" hiddenFrom="md" variant="subtle" aria-label={t('search.headerLabel')}>
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
      </ActionIcon>
    </>
  );
}
