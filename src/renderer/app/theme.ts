import type { ThemeConfig } from 'antd';

/** Large, high-contrast type for a counter read at arm's length, often standing. */
export const counterTheme: ThemeConfig = {
  token: {
    fontSize: 16,
    fontSizeLG: 18,
    fontSizeHeading3: 24,
    controlHeight: 40,
    controlHeightLG: 52,
    colorPrimary: '#1456b8',
    colorError: '#c62828',
    borderRadius: 6,
    fontFamily:
      "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, -apple-system, 'Segoe UI', sans-serif",
  },
};
