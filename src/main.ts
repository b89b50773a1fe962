import { mount } from 'svelte';
import App from './ui/App.svelte';
import { RepoLookup } from './ui/state/repo-lookup.svelte.ts';
import { Settings } from './ui/state/settings.svelte.ts';
import './ui/app.css';

const settings = new Settings(localStorage, import.meta.env.VITE_HUB_URL);
const lookup = new RepoLookup((input, init) => fetch(input, init));

mount(App, { target: document.getElementById('app')!, props: { settings, lookup } });
