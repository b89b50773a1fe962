import base from './playwright.config.ts';
import { defineConfig } from '@playwright/test';
export default defineConfig({ ...base, use: { ...base.use, actionTimeout: 25_000 }, reporter: [['list']] });
