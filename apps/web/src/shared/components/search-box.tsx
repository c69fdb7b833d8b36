// A search input that searches as the user types (after a short pause) and at once on Enter.
// data-testid lands on the <input> itself so tests can fill it directly.
import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useDebounced } from '../use-debounced';

export interface SearchBoxProps {
  onSearch: (value: string) => void;
  placeholder?: string;
  width?: number | string;
  testId?: string;
}

export function SearchBox({ onSearch, placeholder, width = 220, testId }: SearchBoxProps) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text, 500);
  const lastSent = useRef('');

  const emit = (value: string) => {
    const trimmed = value.trim();
    if (trimmed === lastSent.current) return;
    lastSent.current = trimmed;
    onSearch(trimmed);
  };

  useEffect(() => {
    emit(debounced);
    // emit is stable enough: it only reads the ref and the latest onSearch
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
