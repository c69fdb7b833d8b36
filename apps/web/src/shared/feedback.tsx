// Bridges AntD's context-aware message API to code outside components (the query cache's global
// error handler). Render <FeedbackBridge/> once inside <App>.
import { useEffect } from 'react';
import { App } from 'antd';
export type MessageInstance = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageInstance | null = null;

export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
    return () => {
      messageApi = null;
    };
  }, [message]);
  return null;
}

export function notifyError(text: string): void {
  if (messageApi) void messageApi.error(text);
  else console.error(text);
}
