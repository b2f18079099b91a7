import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** Props of {@link SearchInput}. */
export interface SearchInputProps {
  label: string;
  value: string;
  /** Called with the text after the user pauses typing. */
  onSearch: (value: string) => void;
  description?: string;
  placeholder?: string;
  w?: number | string;
}

/** A search box that reports its text after a short pause (debounced), for server-side filtering. */
export function SearchInput({ label, value, onSearch, description, placeholder, w = 280 }: SearchInputProps) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback((next: string) => onSearch(next.trim()), 300);
  useEffect(() => {
    setText((prev) => (prev.trim() === value ? prev : value));
  }, [value]);
  return (
    <TextInput
      type="search"
      label={label}
      description={description}
      placeholder={placeholder}
      value={text}
      w={w}
      onChange={(e) => {
        setText(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onSearch(text.trim());
        }
      }}
    />
  );
}
