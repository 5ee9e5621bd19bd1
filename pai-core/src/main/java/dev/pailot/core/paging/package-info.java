/**
 * Lazy paginators for PAI's two paging styles ({@code PageNumber} and {@code NextToken}). List
 * methods across Pailot return a {@link dev.pailot.core.paging.Paginator}.
 */
package dev.pailot.core.paging;
