import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppErrorBoundary } from './app/AppErrorBoundary';
import { CrashTestTrigger } from './app/CrashTestTrigger';
import { installCrashReporting } from './app/crash-report';
import { counterTheme } from './app/theme';
import { SetupGate } from './setup/SetupGate';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 节点');

installCrashReporting();
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={counterTheme}>
      <AntApp component={false}>
        <AppErrorBoundary>
          <CrashTestTrigger />
          <SetupGate>
            <App />
          </SetupGate>
        </AppErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
