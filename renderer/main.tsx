import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { installWebBridge } from './bridge/webBridge';
import { i18n } from './i18n';
import './styles.css';

// In Electron the preload has defined window.assembly; in a browser, the web bridge does.
const bridge = installWebBridge();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App bridge={bridge} />
    </I18nextProvider>
  </StrictMode>,
);
