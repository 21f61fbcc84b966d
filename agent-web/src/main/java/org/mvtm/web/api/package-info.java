/**
 * The public types of the web tier: the users who may sign in ({@link org.mvtm.web.api.WebUser},
 * {@link org.mvtm.web.api.WebUserDirectory}), their roles and the tier's settings. The server imports
 * {@code org.mvtm.web.WebTierConfiguration} and provides the beans it lists.
 */
package org.mvtm.web.api;
