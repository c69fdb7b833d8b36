// The list's search box when the search text lives in the URL: it starts from the URL's text,
// follows it when the URL changes (reset, back button), searches after a pause in typing and at
// once on Enter. data-testid lands on the <input> itself, like the shared SearchBox.
import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useDebounced } from '../use-debounced';

export interface UrlSearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  width?: number;
  testId?: string;
}

export function UrlSearchBox({ value, onSearch, placeholder, width = 220, testId = 'list-search' }: UrlSearchBoxProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // What this box last asked for: when the URL comes back with it, the user may have typed on.
  const [sent, setSent] = useState(value);
  const lastSent = useRef(value);
  // The URL changed under us (reset, back button): show its text (state adjusted during render).
  if (value !== shown) {
    setShown(value);
    if (value !== sent) {
      setText(value);
      setSent(value);
    }
  }
  const debounced = useDebounced(text, 500);

  const emit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === lastSent.current) return;
    lastSent.current = trimmed;
    setSent(trimmed);
    onSearch(trimmed);
  };

  useEffect(() => {
    lastSent.current = value;
  }, [value]);

  useEffect(() => {
    emit(debounced);
    // emit only reads the ref and the latest onSearch
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <Input
      allowClear
      value={text}
      prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
      placeholder={placeholder}
      style={{ width }}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) emit('');
      }}
      onPressEnter={() => emit(text)}
      data-testid={testId}
    />
  );
}
