import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { counterTheme } from './app/theme';
import { SetupGate } from './setup/SetupGate';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 节点');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={counterTheme}>
      <AntApp component={false}>
        <SetupGate>
          <App />
        </SetupGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
