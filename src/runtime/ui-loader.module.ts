// For bundlers (the ES module build and tests): the bundler splits the prompt module off itself.
export type PromptModule = typeof import('../prompt-module');

export const loadPrompts = (): Promise<PromptModule> => import('../prompt-module');
